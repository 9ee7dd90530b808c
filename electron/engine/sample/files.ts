/** File contents the sample's programs read, and the log lines they write. */

export const NGINX_CONF_LINE_OF_UPSTREAM_SERVER = 14;

export const nginxConf = `user  nginx;
worker_processes  2;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    upstream api {
        server api-backend:8080;
        keepalive 16;
    }
    server {
        listen 80;
        location /api/ {
            proxy_pass http://api-backend:8080;
            proxy_set_header Host $host;
        }
        location / {
            root /usr/share/nginx/html;
        }
    }
    include /etc/nginx/conf.d/*.conf;
}
`;

export const mimeTypes = `types {
    text/html                                        html htm shtml;
    text/css                                         css;
    application/javascript                           js;
    application/json                                 json;
    image/png                                        png;
}
`;

export const defaultConf = `# health endpoint for the kubelet probes
server {
    listen 8081;
    location /healthz { return 200 "ok"; }
}
`;

export const nsswitchConf = `passwd:         files
group:          files
shadow:         files
hosts:          files dns
networks:       files
protocols:      db files
services:       db files
`;

export const hostConf = 'multi on\n';

export const resolvConf = `search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
`;

export const etcHosts = `# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
10.244.1.17\tweb-7d9c8b6f5-x2k4q
`;

export const flaskApp = `from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return "ok"


@app.get("/api/orders")
def orders():
    return jsonify([])
`;

/** "2024/03/12 09:41:09" as nginx stamps its error log. */
export function nginxTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** "0312 09:41:09.123456" as klog stamps kubelet lines. */
export function klogTime(epochMs: number, micros: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(micros).padStart(6, '0')}`;
}
