// The screens of the signed-in role, as the side menu shows them: provided by the layout, read by pages that
// list screens (the 系统管理 start page). Pages read them here instead of importing the module registry, which
// loads the pages (an import cycle).
import { createContext, useContext, type ReactNode } from 'react';

export interface NavScreen {
  key: string;
  path: string;
  icon: ReactNode;
  label: string;
}

export const NavScreensContext = createContext<readonly NavScreen[]>([]);

export function useNavScreens(): readonly NavScreen[] {
  return useContext(NavScreensContext);
}
