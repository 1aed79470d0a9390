# One image for every Wake service; the command picks the service.
# (Built and run by docker-compose.yml on machines that can reach a registry.)
FROM node:20-bookworm-slim
WORKDIR /wake
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx prisma generate
CMD ["node", "-r", "./scripts/register.js", "apps/gateway/src/main.ts"]
