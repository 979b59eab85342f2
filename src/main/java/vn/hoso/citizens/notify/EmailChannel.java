package vn.hoso.citizens.notify;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.citizens.internal.ApplicantContacts;

/**
 * E-mail over SMTP with Spring Mail ({@code spring.mail.host}, {@code .port}, {@code .username}, {@code .password};
 * Boot's {@code JavaMailSender}). On when a mail sender exists; the dev run and the tests give one that talks to a
 * GreenMail SMTP server.
 */
@Component
class EmailChannel implements ApplicantChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final CitizensProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> sender, CitizensProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public String address(ApplicantContacts.Contact contact) {
        return contact.email();
    }

    @Override
    public void send(String address, QueuedMessage message) throws Exception {
        JavaMailSender mail = sender.getObject();
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.messages().mailFrom());
        helper.setTo(address);
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        mime.setHeader("X-Hoso-Message-Id", message.messageId());
        mail.send(mime);
    }
}
