# Applies every service's migrations (the same tools/prisma/prisma.sh as locally).
FROM node:20-bookworm-slim
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
CMD ["bash", "-c", "for s in catalog dossiers feedback digitization reporting; do DATABASE_URL=\"${DATABASE_SERVER%/*}/motcua_$s\" bash tools/prisma/prisma.sh $s deploy || exit 1; done"]
