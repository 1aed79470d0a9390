#!/bin/sh
# wake/web:1's default command: an nginx-like web server answering the pod's hostname.
mkdir -p /www
hostname > /www/index.html
exec httpd -f -p "${PORT:-80}" -h /www
