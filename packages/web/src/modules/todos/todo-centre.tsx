// 待办: what waits for the signed-in user this year (GET /api/todos — counted by the same services the pages use),
// each a link to the page that lists it. On every role's start page: the department's 工作台, the bureau's overview.
import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

type Translate = ReturnType<typeof useI18n>['t'];

type TodoList = Schema<'TodoList'>;
type TodoItem = TodoList['items'][number];

function label(item: TodoItem, t: Translate) {
  const text = t(`todo.${item.kind}` as MessageKey, { m: item.month ?? '' });
  return item.departmentName ? `${item.departmentName} · ${text}` : text;
}

export function TodoCentre() {
  const { year } = useWorkspace();
  const { t } = useI18n();
  const todos = useApi<TodoList>('/api/todos', { year });
  const items = todos.data?.items ?? [];
  return (
    <Card
      size="small"
      className="jx-section"
      data-testid="todo-centre"
      title={
        <span>
          {t('todo.title')} <Badge count={todos.data?.total ?? 0} overflowCount={999} />
        </span>
      }
      loading={todos.loading && !todos.data}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">
          <CheckCircleOutlined /> {t('todo.none')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item data-testid={`todo-${item.kind}`}>
              <Link to={item.link}>{label(item, t)}</Link>
              <Badge count={item.count} overflowCount={999} color="#1d4f9c" />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
