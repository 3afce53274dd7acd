# The repository's tools for docker-compose's one-off steps (kafka-credentials, kafka-acls): the
# whole checkout with its development dependencies, running TypeScript through tools/register-ts.js.
# Never deployed; each service's own image is apps/<service>/Dockerfile.
FROM node:20-bookworm-slim
WORKDIR /repo
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
