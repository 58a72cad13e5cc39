// The redirect page of browser-mode sign-in: hands MSAL's response back to the window that opened it.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();
