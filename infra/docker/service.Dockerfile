# One image per service: docker build --build-arg SERVICE=dossiers -f infra/docker/service.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN bash tools/prisma/prisma.sh "$SERVICE" generate && node tools/build/build-service.mjs "$SERVICE"

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /repo/dist/apps/${SERVICE} ./dist
USER node
CMD ["node", "--enable-source-maps", "dist/main.js"]
