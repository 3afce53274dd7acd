# One image per service and release, and its migration image:
#   docker build --build-arg SERVICE=dossiers --target server  -t motcua/dossiers .
#   docker build --build-arg SERVICE=dossiers --target migrate -t motcua/dossiers-migrate .
# The server image holds only that service's bundle (dist/apps/<service>/main.js) and the
# production dependencies; it runs as the unprivileged `node` user. The migration image applies
# that service's Prisma migrations and exits (a Kubernetes Job, or compose's migrate step).
FROM node:20-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN test -n "$SERVICE" && bash tools/prisma/prisma.sh "$SERVICE" generate && node tools/build/build-service.mjs "$SERVICE"

FROM build AS migrate
ARG SERVICE
ENV SERVICE=${SERVICE}
USER node
CMD ["bash", "-c", "bash tools/prisma/prisma.sh \"$SERVICE\" deploy"]

FROM node:20-bookworm-slim AS server
ARG SERVICE
# The Node.js options of every service process (SERVICE_NODE_OPTIONS in libs/stack, issue 17).
ENV NODE_ENV=production SERVICE=${SERVICE} NODE_OPTIONS=--max-semi-space-size=4
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npx --yes patch-package@8.0.1 && npm cache clean --force
COPY --from=build /repo/dist/apps/${SERVICE} ./dist
USER node
CMD ["node", "--enable-source-maps", "dist/main.js"]
