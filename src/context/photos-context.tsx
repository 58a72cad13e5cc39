import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createPhotoLoader, type Photo, type PhotoLoader } from '@/services/graph/photos';
import { useServices, type AppServices } from './services-context';

const PhotosContext = createContext<PhotoLoader | undefined>(undefined);

/** One loader per surface's Graph: its photos are kept for the session (in memory, never in storage). */
const loaders = new WeakMap<AppServices['graph'], PhotoLoader>();

function loaderFor(graph: AppServices['graph']): PhotoLoader {
  let loader = loaders.get(graph);
  if (!loader) loaders.set(graph, (loader = createPhotoLoader(graph)));
  return loader;
}

/** Gives the features below a photo loader of their own (tests); otherwise the surface's Graph's is used. */
export function PhotosProvider({ loader, children }: { loader: PhotoLoader; children: ReactNode }) {
  return <PhotosContext.Provider value={loader}>{children}</PhotosContext.Provider>;
}

/** The surface's photo loader: the one provided, or the one over `useServices().graph`. */
export function usePhotoLoader(): PhotoLoader {
  const provided = useContext(PhotosContext);
  const { graph } = useServices();
  return provided ?? loaderFor(graph);
}

/**
 * A person's photo as a data URL, or undefined while it loads and when they have none (show
 * initials). The people of a list asked for in one render go to Graph as one $batch.
 */
export function usePhoto(id: string | undefined): string | undefined {
  const loader = usePhotoLoader();
  const [loaded, setLoaded] = useState<{ id: string; photo: Photo } | undefined>();
  const known = id === undefined ? undefined : loader.peek(id);
  useEffect(() => {
    if (id === undefined || loader.peek(id) !== undefined) return;
    let live = true;
    void loader.load([id]).then((photos) => {
      if (live) setLoaded({ id, photo: photos.get(id) ?? null });
    });
    return () => {
      live = false;
    };
  }, [id, loader]);
  const photo = known !== undefined ? known : loaded !== undefined && loaded.id === id ? loaded.photo : undefined;
  return photo ?? undefined;
}
