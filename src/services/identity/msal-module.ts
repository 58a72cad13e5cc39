// Only the parts of MSAL that msal-identity.ts uses (MsalModule): loading this module instead of
// the whole package namespace lets the bundler leave the rest of MSAL out.
export { createNestablePublicClientApplication, createStandardPublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
