import { describe, expect, it } from 'vitest';
import type { FrameContext, HostApp } from '../host/host';
import { liveShareAvailable } from './live-support';

const surface = (app: HostApp, frameContext: FrameContext, clientType = 'web') => ({ app, frameContext, clientType });
const yes = () => true;

// https://learn.microsoft.com/javascript/api/@microsoft/teams-js/livesharehost (create(): sidePanel and
// meetingStage; teams-js 2.x also content), and the capabilities page (content: Teams desktop and web only).
describe('whether a surface may try Live Share', () => {
  it.each([
    ['a Teams meeting side panel', surface('Teams', 'sidePanel'), true],
    ['Teams meeting stage on desktop', surface('Teams', 'meetingStage', 'desktop'), true],
    ['a Teams meeting side panel on a phone', surface('Teams', 'sidePanel', 'android'), true],
    ['a Teams meeting chat tab on the web', surface('Teams', 'content'), true],
    ['a Teams meeting chat tab on iOS', surface('Teams', 'content', 'ios'), false],
    ['a Teams meeting chat tab on Android', surface('Teams', 'content', 'android'), false],
    ['the configuration page', surface('Teams', 'settings'), false],
    ['Outlook', surface('Outlook', 'content'), false],
    ['Outlook, even in a side panel', surface('Outlook', 'sidePanel'), false],
    ['the Microsoft 365 app', surface('Microsoft 365', 'content'), false],
    ['a plain browser tab', surface('Browser', 'content'), false],
  ])('%s: %s', (_, context, expected) => {
    expect(liveShareAvailable(context, yes)).toBe(expected);
  });

  it('asks the host last, and takes its no', () => {
    expect(liveShareAvailable(surface('Teams', 'sidePanel'), () => false)).toBe(false);
  });

  it('counts the host’s throw (teams-js not initialised, wrong frame) as no', () => {
    const throws = () => {
      throw new Error('This call is only allowed in following contexts: ["meetingStage","sidePanel","content"]. Current context: "settings".');
    };
    expect(liveShareAvailable(surface('Teams', 'sidePanel'), throws)).toBe(false);
  });

  it('does not ask a host that is not Teams', () => {
    let asked = false;
    liveShareAvailable(surface('Outlook', 'sidePanel'), () => (asked = true));
    expect(asked).toBe(false);
  });
});
