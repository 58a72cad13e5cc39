import { describe, expect, it } from 'vitest';
import { downloadableItemSchema, savedItemSchema } from './workspace-store';

/** The driveItem on https://learn.microsoft.com/graph/api/driveitem-get, with the download URL a file's driveItem carries (resources/driveitem, instance attributes). */
const DOCUMENTED_ITEM = {
  createdBy: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
  createdDateTime: '2016-03-21T20:01:37Z',
  cTag: '"c:{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},0"',
  eTag: '"{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},1"',
  id: '01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK',
  lastModifiedDateTime: '2016-03-21T20:01:37Z',
  name: 'OneDrive',
  size: 157286400,
  webUrl: 'https://contoso-my.sharepoint.com/personal/rgregg_contoso_com/Documents',
  '@microsoft.graph.downloadUrl': 'https://contoso-my.sharepoint.com/personal/rgregg_contoso_com/_layouts/15/download.aspx?UniqueId=86eb4c8e',
};

/** The answer on https://learn.microsoft.com/graph/api/driveitem-put-content (shortened there: no eTag). */
const DOCUMENTED_UPLOAD = { id: '0123456789abc', name: 'FileB.txt', size: 35, file: {} };

describe("the workspace store's Graph answers", () => {
  it('accept the documented examples', () => {
    expect(downloadableItemSchema.safeParse(DOCUMENTED_ITEM).success).toBe(true);
    expect(savedItemSchema.safeParse(DOCUMENTED_UPLOAD).success).toBe(true);
    expect(savedItemSchema.parse({ ...DOCUMENTED_UPLOAD, eTag: DOCUMENTED_ITEM.eTag }).eTag).toBe(DOCUMENTED_ITEM.eTag);
  });

  it('reject malformed answers', () => {
    expect(downloadableItemSchema.safeParse({ ...DOCUMENTED_ITEM, '@microsoft.graph.downloadUrl': undefined }).success).toBe(false);
    expect(downloadableItemSchema.safeParse({ ...DOCUMENTED_ITEM, eTag: 1 }).success).toBe(false);
    expect(savedItemSchema.safeParse({ ...DOCUMENTED_UPLOAD, eTag: { etag: 'x' } }).success).toBe(false);
    expect(savedItemSchema.safeParse('uploaded').success).toBe(false);
  });
});
