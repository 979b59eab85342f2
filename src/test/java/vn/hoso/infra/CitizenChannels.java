package vn.hoso.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The applicants' channels for tests and the dev run, as real servers: a GreenMail SMTP server (port
 * {@code hoso.infra.smtp-port}, 0 = any free one; the dev run uses 3025) with the app's mail sender pointed at it and
 * the page {@code /dev/mail} listing what it received; and, in tests only, an SMS/Zalo gateway speaking the HTTP
 * shape the app's gateway adapter expects (ZNS-like), which records each message and refuses those to the numbers in
 * {@link SmsGateway#failFor}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CitizenChannels {

    private static final Logger log = LoggerFactory.getLogger(CitizenChannels.class);

    @Bean(destroyMethod = "stop")
    public GreenMail greenMail(@Value("${hoso.infra.smtp-port:0}") int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
        log.info("GreenMail SMTP server at 127.0.0.1:{} (messages at /dev/mail)", greenMail.getSmtp().getPort());
        return greenMail;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(props);
        return sender;
    }

    @Bean(destroyMethod = "close")
    public SmsGateway smsGateway() {
        return new SmsGateway();
    }

    /** Tests only (the dev run has no test context to apply it): the app's gateway adapter talks to {@link SmsGateway}. */
    @Bean
    DynamicPropertyRegistrar smsGatewayUrl(SmsGateway gateway) {
        return registry -> registry.add("hoso.citizens.sms.url", gateway::url);
    }

    /** {@code GET /dev/mail}: what the GreenMail server received, newest first (a bean as a member class). */
    @RestController
    public static class DevMailPage {

        private final GreenMail greenMail;

        DevMailPage(GreenMail greenMail) {
            this.greenMail = greenMail;
        }

        @GetMapping(value = "/dev/mail", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
        String mail() throws Exception {
            MimeMessage[] messages = greenMail.getReceivedMessages();
            StringBuilder html = new StringBuilder("""
                    <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Thư đã gửi (dev)</title>
                    </head><body style="font-family:sans-serif;max-width:900px;margin:auto;padding:12px">
                    <h1>Thư đã gửi qua SMTP (GreenMail, chỉ ở bản chạy thử)</h1>
                    """).append("<p>").append(messages.length).append(" thư.</p>");
            for (int i = messages.length - 1; i >= 0; i--) {
                MimeMessage m = messages[i];
                html.append("<article style=\"border:1px solid #ccc;border-radius:6px;padding:8px;margin:8px 0\">")
                        .append("<div><b>").append(esc(MimeUtility.decodeText(m.getSubject()))).append("</b></div>")
                        .append("<div>Đến: ").append(esc(String.join(", ", List.of(m.getAllRecipients()).stream()
                                .map(Object::toString).toList()))).append(" · ").append(esc(String.valueOf(
                                        m.getSentDate()))).append("</div>")
                        .append("<pre style=\"white-space:pre-wrap\">").append(esc(m.getContent() instanceof String text ? text : GreenMailUtil.getBody(m)))
                        .append("</pre></article>");
            }
            return html.append("</body></html>").toString();
        }

        private static String esc(String s) {
            return HtmlUtils.htmlEscape(s == null ? "" : s);
        }
    }

    /** A gateway in the shape of a ZNS template message API, on a free local port. */
    public static final class SmsGateway implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** Every request body received, in order. */
        public final List<JsonNode> received = new CopyOnWriteArrayList<>();
        /** Phone numbers (as sent: 84…) the gateway refuses with an HTTP 500. */
        public final Set<String> failFor = ConcurrentHashMap.newKeySet();
        private final HttpServer server;

        SmsGateway() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/message/template", exchange -> {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                received.add(body);
                boolean fail = failFor.contains(body.path("phone").asText())
                        || !"test-token".equals(exchange.getRequestHeaders().getFirst("access_token"));
                byte[] answer = (fail ? "{\"error\":-108,\"message\":\"Phone number is invalid\"}"
                        : "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"" + received.size() + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/message/template";
        }

        /** The requests sent to a phone (84…). */
        public List<JsonNode> to(String phone) {
            return received.stream().filter(r -> phone.equals(r.path("phone").asText())).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
