// The workspace (departments, year) and the frame around every signed-in page; loaded lazily.
import { App as AntApp } from 'antd';
import { AppLayout } from './app-layout.tsx';
import { WorkspaceProvider } from './workspace.tsx';

export function SignedInFrame() {
  return (
    <AntApp>
      <WorkspaceProvider>
        <AppLayout />
      </WorkspaceProvider>
    </AntApp>
  );
}
