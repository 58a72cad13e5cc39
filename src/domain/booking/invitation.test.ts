import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, invitationBody, invitationSubject } from './invitation';

const invitation = { executiveName: 'Margaret', mentorName: 'Diego', programmeName: 'Reverse mentoring', workspaceUrl: 'https://contoso.example/ws?a=1&b=2' };

describe('invitation', () => {
  it('names the pair, the first session and the workspace link', () => {
    const body = invitationBody(invitation);
    expect(body).toContain('Diego is reverse mentoring Margaret');
    expect(body).toContain('code of conduct');
    expect(body).toContain('href="https://contoso.example/ws?a=1&amp;b=2"');
    expect(invitationSubject(invitation)).toBe('Reverse mentoring: Margaret and Diego');
  });

  it('escapes names that look like HTML and refuses links that are not http(s)', () => {
    const body = invitationBody({ ...invitation, mentorName: '<img src=x onerror=alert(1)>', workspaceUrl: 'javascript:alert(1)' });
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('javascript:');
  });

  it('property: escaped text holds no markup characters and reads back as the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        const decoded = escaped
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        expect(decoded).toBe(text);
      }),
    );
  });

  it('property: whatever the names, the body has only the tags it writes itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const body = invitationBody({ executiveName: a, mentorName: b, programmeName: c, workspaceUrl: 'https://x.example/' });
        const tags = [...body.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
        expect(new Set(tags)).toEqual(new Set(['p', 'a']));
      }),
    );
  });
});
