# Trent in a container: an AWS KMS emulator on port 6767.
#   docker build -t trent .
#   docker run --rm -p 6767:6767 trent
# Options after the image name go to Trent (java -jar trent.jar --help lists them), e.g.
#   docker run --rm -p 6767:6767 -e TRENT_PASSWORD=secret -v trent-data:/data trent --data /data

# Build: the README's package command; the tests are neither in the context nor compiled (mvn -B verify runs them).
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /build
# The dependencies first, in a layer of their own that stays cached until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src/main src/main
RUN mvn -B -q package -Dmaven.test.skip=true

# Run: a JRE, the one jar, and a user that is not root.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 trent \
    && useradd --system --uid 10001 --gid trent --home-dir /data --no-create-home --shell /usr/sbin/nologin trent \
    && mkdir /data \
    && chown trent:trent /data
COPY --from=build /build/target/trent.jar /opt/trent/trent.jar
# --data /data keeps the keys here; --tls writes its certificate (trent-cert.pem) to the working directory.
VOLUME /data
WORKDIR /data
USER 10001:10001
EXPOSE 6767
# Plain HTTP, or HTTPS (--tls or --tls-cert), which answers plain HTTP with a 400: the second try.
# -k: this checks that Trent answers, not who it is.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:6767/_trent/health \
        || curl -fsSk -o /dev/null https://127.0.0.1:6767/_trent/health \
        || exit 1
# Every interface: the container's port is only reachable from outside when published (-p).
ENTRYPOINT ["java", "-jar", "/opt/trent/trent.jar", "--bind", "0.0.0.0"]
CMD []
