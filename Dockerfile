# The API server. Build: docker build -t citizen-diplomat .
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release -p api --bin citizen-diplomat

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app citizen \
    && mkdir -p /data && chown citizen /data
WORKDIR /app
COPY --from=build /src/target/release/citizen-diplomat /usr/local/bin/citizen-diplomat
USER citizen
ENV LISTEN_ADDR=0.0.0.0:8080 LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/api/health/ready || exit 1
ENTRYPOINT ["citizen-diplomat"]
CMD ["serve"]
