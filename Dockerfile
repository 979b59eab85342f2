# Build: ./mvnw -DskipTests package && docker build -t hoso .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 hoso
WORKDIR /app
COPY target/hoso-*.jar /app/hoso.jar
USER hoso
EXPOSE 8080
ENV TZ=Asia/Ho_Chi_Minh
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hoso.jar"]
