# Build and run ARCA. Build: docker build -t arca .   (docker-compose.yml does it for you)
FROM swift:6.1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Plugins ./Plugins
COPY Benchmarks ./Benchmarks
COPY SQL ./SQL
COPY Docs ./Docs
RUN swift build -c release --product arca && cp .build/release/arca /usr/local/bin/arca

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates libcurl4 libxml2 tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin arca
COPY --from=build /usr/lib/swift/linux/*.so* /usr/lib/swift/linux/
COPY --from=build /usr/local/bin/arca /usr/local/bin/arca
ENV LD_LIBRARY_PATH=/usr/lib/swift/linux
USER arca
EXPOSE 8080
ENTRYPOINT ["arca"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--migrate"]
