import { listUsers } from '../api/users-api';
import { useAuth } from '../auth/auth-context';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { UserForm } from './user-form';
import { UserRow } from './user-row';

/** Users and their roles; an admin adds, changes and removes them. */
export function UsersPanel() {
  const editable = useAuth().can('users:write');
  const users = useApiData(listUsers);
  return (
    <div className="stack">
      <AsyncView source={users} isEmpty={(list) => list.length === 0} empty="No users.">
        {(list) => (
          <div className="table-wrap">
            <table className="table" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Two-factor</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">State</th>
                  {editable ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <UserRow key={user.id} user={user} editable={editable} onChanged={users.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncView>
      {editable ? <UserForm onCreated={users.reload} /> : null}
    </div>
  );
}
