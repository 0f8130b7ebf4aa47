# Shared by load-test and kill-test: start and stop an rvjar serve node and a throwaway PostgreSQL cluster.
# Everything listens on loopback only.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar="$root/cli/target/rvjar.jar"
roms="$root/testroms/build/rv32imac"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

build() {
  "$root/rvjar" --version >/dev/null
  make -C "$root/testroms" -s -j2 >/dev/null
}

# pg_start DIR: initdb + pg_ctl start in DIR on a free port (as the postgres user when root); prints the JDBC URL.
pg_start() {
  local dir=$1 bin port as=()
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=$(free_port)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chmod o+x "$(dirname "$dir")"; chown postgres:postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/db" -A trust -U rvjar -E UTF8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/db" -w -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=rvjar"
}

pg_stop() {
  local dir=$1 bin as=()
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/db" -m fast -w stop >/dev/null || true
}

# serve_start PORT STORE-ARGS...: starts a node in the background, sets $server_pid, waits until it answers.
serve_start() {
  local port=$1; shift
  java -Xmx1g -jar "$jar" serve --port "$port" --access-log none "$@" 2>>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server did not start:" >&2; cat "$work/serve.err" >&2; exit 1
}

upload() {
  curl -sf -T "$roms/$1.bin" "http://127.0.0.1:$2/mcu"
}

# metric NAME PORT: the value of one sample of /metrics (0 if absent)
metric() {
  curl -sf "http://127.0.0.1:$2/metrics" | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d\n", v + 0 }'
}
