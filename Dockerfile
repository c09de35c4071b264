# The Dörrnät API image; Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --create-home --uid 10001 graphsvc
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphsvc ./graphsvc
COPY viz ./viz
COPY cypher ./cypher
RUN pip install --no-cache-dir .
USER graphsvc
EXPOSE 8000
CMD ["uvicorn", "graphsvc.api.main:app", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
