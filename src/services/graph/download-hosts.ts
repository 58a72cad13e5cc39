/**
 * Where OneDrive for Business and SharePoint serve file content: a driveItem's
 * `@microsoft.graph.downloadUrl` (https://learn.microsoft.com/graph/api/driveitem-get-content) points
 * at the tenant's SharePoint host, `<tenant>.sharepoint.com` or `<tenant>-my.sharepoint.com` for a
 * OneDrive ("SharePoint Online and OneDrive for Business" in
 * https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges). The app never
 * sends its Graph token there, and the Content-Security-Policy allows connections to exactly these.
 * Work and school accounts only (personal OneDrive's `*.files.1drv.com` is not needed).
 */

/** The download origins, as CSP sources. */
export const DOWNLOAD_ORIGINS = ['https://*.sharepoint.com'] as const;

/** True when the URL is https on a OneDrive for Business / SharePoint download host. */
export function isDownloadUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  return DOWNLOAD_ORIGINS.some((origin) => {
    const suffix = origin.replace(/^https:\/\/\*/, '');
    return parsed.hostname.endsWith(suffix) && parsed.hostname.length > suffix.length;
  });
}
