package dev.autohair.status.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autohair.common.contract.JobState;
import dev.autohair.status.view.Json;
import dev.autohair.status.view.JobQuery;
import dev.autohair.status.view.JobView;
import dev.autohair.status.view.JobViews;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** {@code GET /jobs/{id}}, {@code GET /jobs?state=&since=&limit=} and {@code GET /stats}. */
final class ApiHandler implements HttpHandler {

    private static final Set<String> STATES = Arrays.stream(JobState.values()).map(Enum::name)
            .collect(Collectors.toCollection(() -> new TreeSet<>(Set.of(JobView.SUBMITTED))));

    private final JobViews views;
    private final JobJson json;
    private final Clock clock;

    ApiHandler(JobViews views, JobJson json, Clock clock) {
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                Responses.error(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " is not served; use GET");
            } else if (path.equals("/jobs") || path.equals("/jobs/")) {
                list(exchange);
            } else if (path.startsWith("/jobs/")) {
                one(exchange, URLDecoder.decode(path.substring("/jobs/".length()), StandardCharsets.UTF_8));
            } else if (path.equals("/stats")) {
                Responses.json(exchange, 200, views.stats(clock.instant()));
            } else {
                Responses.error(exchange, 404, "not_found", "no such resource: " + path);
            }
        } catch (InvalidStateStoreException e) {
            // Streams is starting or rebalancing: the store comes back shortly.
            exchange.getResponseHeaders().set("Retry-After", "1");
            Responses.error(exchange, 503, "unavailable", "the job view is not ready yet (" + e.getMessage() + ")");
        } catch (BadRequest e) {
            Responses.error(exchange, 400, "bad_request", e.getMessage());
        }
    }

    private void one(HttpExchange exchange, String id) throws IOException {
        Optional<JobView> view = views.get(id);
        if (view.isPresent()) {
            Responses.json(exchange, 200, json.of(view.get()));
        } else {
            Responses.error(exchange, 404, "job_not_found", "no job '" + id + "' is known to the status service");
        }
    }

    private void list(HttpExchange exchange) throws IOException, BadRequest {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(Set.of("state", "since", "limit"));
        if (!unknown.isEmpty()) {
            throw new BadRequest("unknown parameter(s) " + unknown + "; use state, since, limit");
        }
        Optional<String> state = Optional.ofNullable(params.get("state")).map(s -> s.toUpperCase(Locale.ROOT));
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new BadRequest("state '" + params.get("state") + "' is not one of " + STATES);
        }
        Optional<Instant> since;
        try {
            since = Optional.ofNullable(params.get("since")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new BadRequest("since '" + params.get("since") + "' is not an RFC 3339 instant such as 2026-01-31T12:00:00Z");
        }
        JobQuery query;
        try {
            int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : JobQuery.DEFAULT_LIMIT;
            query = new JobQuery(state, since, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("limit must be a whole number in [1, " + JobQuery.MAX_LIMIT + "], got '" + params.get("limit") + "'");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode jobs = body.putArray("jobs");
        views.find(query).forEach(v -> jobs.add(json.of(v)));
        Responses.json(exchange, 200, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isEmpty()) {
                params.put(key, value);
            }
        }
        return params;
    }

    /** A request this API cannot answer as asked: 400 with the reason. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
