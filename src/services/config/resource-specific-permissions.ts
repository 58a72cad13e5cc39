/**
 * The app's resource-specific permissions (RSC): the one list both the app package's manifest
 * (`authorization.permissions.resourceSpecific`, checked by the packager) and the app's install into
 * a meeting chat (`consentedPermissionSet`) are made from. "Add app to chat"
 * (https://learn.microsoft.com/graph/api/chat-post-installedapps) requires the consented set to match
 * the app's definition exactly. Live Share needs `LiveShareSession.ReadWrite.*`; share to stage needs
 * `MeetingStage.Write.Chat` (https://learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent).
 */

/** One permission as the manifest names it. */
export interface ResourceSpecificPermission {
  readonly name: string;
  readonly type: 'Delegated' | 'Application';
}

/** The manifest's `authorization.permissions.resourceSpecific`, in its order. */
export const RESOURCE_SPECIFIC_PERMISSIONS: readonly ResourceSpecificPermission[] = [
  { name: 'LiveShareSession.ReadWrite.Chat', type: 'Delegated' },
  { name: 'LiveShareSession.ReadWrite.Group', type: 'Delegated' },
  { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
];

/** A `teamsAppPermissionSet` (https://learn.microsoft.com/graph/api/resources/teamsapppermissionset). */
export interface TeamsAppPermissionSet {
  readonly resourceSpecificPermissions: readonly { readonly permissionValue: string; readonly permissionType: 'delegated' | 'application' }[];
}

/**
 * The `consentedPermissionSet` for installing the app: every permission of the manifest, no more, no
 * fewer (https://learn.microsoft.com/graph/api/resources/teamsappresourcespecificpermission: the type
 * is `delegated` or `application`).
 */
export function consentedPermissionSet(permissions: readonly ResourceSpecificPermission[] = RESOURCE_SPECIFIC_PERMISSIONS): TeamsAppPermissionSet {
  return {
    resourceSpecificPermissions: permissions.map((p) => ({ permissionValue: p.name, permissionType: p.type === 'Delegated' ? 'delegated' : 'application' })),
  };
}
