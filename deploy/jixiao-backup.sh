#!/bin/sh
# One backup: jixiao backup into $JIXIAO_BACKUP_DIR (named by date and time), checked, then backups older than
# $JIXIAO_BACKUP_KEEP_DAYS days removed. Run by jixiao-backup.service (or cron: see docs/deployment.md).
set -eu
DIR=${JIXIAO_BACKUP_DIR:-/var/backups/jixiao}
KEEP=${JIXIAO_BACKUP_KEEP_DAYS:-30}
APP=${JIXIAO_APP_DIR:-/opt/jixiao}
FILE="$DIR/jixiao-$(date +%Y%m%d-%H%M).backup.gz"
mkdir -p "$DIR"
cd "$APP"
if [ -n "${JIXIAO_BACKUP_USER:-}" ]; then
  node packages/cli/bin/jixiao.mjs backup --out "$FILE" --user "$JIXIAO_BACKUP_USER"
else
  node packages/cli/bin/jixiao.mjs backup --out "$FILE"
fi
node packages/cli/bin/jixiao.mjs restore "$FILE" --check
find "$DIR" -name 'jixiao-*.backup.gz' -type f -mtime +"$KEEP" -delete
