package vn.hoso.citizens.notify;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.citizens.internal.ApplicantContacts;

/**
 * An SMS/Zalo gateway over HTTP, in the shape of Zalo's notification service (ZNS) template message:
 * {@code POST {url}}, header {@code access_token}, JSON body {@code {"phone": "84912345678", "template_id": …,
 * "template_data": {"code", "title", "text"}, "tracking_id": <message id>}}; success is a 2xx answer whose JSON has
 * {@code "error": 0}, anything else a failed attempt. Off unless {@code hoso.citizens.sms.url} is set.
 */
@Component
class SmsGatewayChannel implements ApplicantChannel {

    private final CitizensProperties.Sms settings;
    private final RestClient http;

    SmsGatewayChannel(CitizensProperties properties, RestClient.Builder builder) {
        this.settings = properties.sms();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.timeout());
        requests.setReadTimeout(settings.timeout());
        this.http = builder.clone().requestFactory(requests).build();
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public String address(ApplicantContacts.Contact contact) {
        return contact.phone();
    }

    @Override
    public void send(String address, QueuedMessage message) {
        Map<String, Object> body = Map.of(
                "phone", address.startsWith("+") ? address.substring(1) : address,
                "template_id", settings.templateId(),
                "template_data", Map.of("code", message.caseCode(), "title", message.subject(),
                        "text", message.body()),
                "tracking_id", message.messageId());
        JsonNode answer = http.post().uri(settings.url())
                .header("access_token", settings.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || answer.path("error").asInt(-1) != 0) {
            throw new IllegalStateException("gateway refused the message: " + (answer == null ? "no answer"
                    : answer.path("error").asText() + " " + answer.path("message").asText()));
        }
    }
}
