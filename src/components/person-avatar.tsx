import { Avatar, type AvatarProps } from '@fluentui/react-components';
import { usePhoto } from '@/context/photos-context';

/**
 * A person's avatar: their Graph photo once it has loaded, their initials while it loads and when
 * they have none.
 */
export function PersonAvatar(props: { id: string | undefined; name: string; size?: AvatarProps['size'] }) {
  const photo = usePhoto(props.id);
  return <Avatar name={props.name} color="colorful" {...(props.size ? { size: props.size } : {})} {...(photo ? { image: { src: photo } } : {})} />;
}
