import { describe, expect, it } from 'vitest';
import { isDownloadUrl } from '../../src/services/graph/download-hosts.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the Content-Security-Policy', () => {
  it('lets exactly the hosts Microsoft lists for Teams, Outlook and the Microsoft 365 app frame the app (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements)', () => {
    expect(directive(contentSecurityPolicy({ demo: false, withFrameAncestors: true }), 'frame-ancestors')).toEqual([
      'https://*.cloud.microsoft',
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook-sdf.office.com',
      'https://outlook-sdf.office365.com',
    ]);
  });

  it('lets the demo’s dev host (same origin) frame the surfaces too, and leaves frame-ancestors out of the meta tag', () => {
    expect(directive(contentSecurityPolicy({ demo: true, withFrameAncestors: true }), 'frame-ancestors')?.[0]).toBe("'self'");
    expect(directive(contentSecurityPolicy({ demo: false, withFrameAncestors: false }), 'frame-ancestors')).toBeUndefined();
  });

  it('connects to the workspace’s download host (SharePoint / OneDrive for Business) and nothing broader', () => {
    const connect = directive(contentSecurityPolicy({ demo: false, withFrameAncestors: false }), 'connect-src') ?? [];
    expect(connect).toContain('https://*.sharepoint.com');
    expect(connect.filter((source) => /sharepoint|1drv|\*\.microsoft\.com$|^https:\/\/\*$|^https:$|^\*$/.test(source))).toEqual(['https://*.sharepoint.com']);
    expect(isDownloadUrl('https://contoso-my.sharepoint.com/personal/a_contoso_com/_layouts/15/download.aspx?UniqueId=1&tempauth=x')).toBe(true);
  });

  it('lets the app start its own module workers (the programme proposal) and no others, in the tenant and the demo alike', () => {
    for (const demo of [false, true]) {
      for (const withFrameAncestors of [false, true]) {
        expect(directive(contentSecurityPolicy({ demo, withFrameAncestors }), 'worker-src')).toEqual(["'self'"]);
      }
    }
  });

  it('allows downloads only over https from a SharePoint host, never elsewhere', () => {
    for (const url of [
      'http://contoso-my.sharepoint.com/x',
      'https://sharepoint.com/x',
      'https://contoso-my.sharepoint.com.evil.example/x',
      'https://evilsharepoint.com/x',
      'https://graph.microsoft.com/v1.0/me',
      'https://user:pw@contoso.sharepoint.com/x',
      'not a url',
    ]) {
      expect(isDownloadUrl(url), url).toBe(false);
    }
  });
});
