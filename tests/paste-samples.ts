// Listener tables as `ss -tlnp` and `docker ps` print them, shared by the
// paste unit tests and the paste e2e test.
export const SS = `State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
LISTEN 0      80         0.0.0.0:3306       0.0.0.0:*     users:(("mysqld",pid=812,fd=21))
LISTEN 0      511        0.0.0.0:6379       0.0.0.0:*     users:(("redis-server",pid=640,fd=6))
LISTEN 0      128        0.0.0.0:22         0.0.0.0:*     users:(("sshd",pid=700,fd=3))
LISTEN 0      244      127.0.0.1:5432       0.0.0.0:*     users:(("postgres",pid=901,fd=5))
LISTEN 0      128           [::]:22            [::]:*     users:(("sshd",pid=700,fd=4))
`;

export const DOCKER_PS = `CONTAINER ID   IMAGE         COMMAND                  CREATED       STATUS       PORTS                                       NAMES
3f2a1b9c8d7e   postgres:16   "docker-entrypoint.s…"   2 hours ago   Up 2 hours   0.0.0.0:5432->5432/tcp, :::5432->5432/tcp   db
9a8b7c6d5e4f   redis:7       "docker-entrypoint.s…"   2 hours ago   Up 2 hours   127.0.0.1:6379->6379/tcp                    cache
`;
