// The department a /dept/:code/… page is about.
import { useParams } from 'react-router-dom';

export function useDeptCode(): string {
  const { code } = useParams();
  return code ?? '';
}
