package vn.hoso.rollup.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The dashboard's pages: the login form (Vietnamese, with the CSRF token) and the single-page dashboard. */
@Controller
class DashboardController {

    @GetMapping("/dashboard")
    String root() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String index() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping(value = "/dashboard/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"alert error\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng "
                    + "(hoặc tài khoản đang tạm khoá vài giây sau lần đăng nhập sai).</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"alert\" role=\"status\">Đã đăng xuất.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Đăng nhập – Bảng theo dõi xử lý hồ sơ trên môi trường mạng</title>
                <link rel="stylesheet" href="/dashboard/dashboard.css">
                </head>
                <body class="login-page">
                <main class="login-card">
                  <div class="brand"><span class="emblem" aria-hidden="true">★</span>
                    <div><div class="brand-top">HỆ THỐNG HỒ SƠ</div>
                    <div class="brand-sub">Bảng theo dõi tỷ lệ xử lý hồ sơ trên môi trường mạng</div></div></div>
                  <h1>Đăng nhập</h1>
                  %s
                  <form method="post" action="/dashboard/login">
                    <label for="username">Tên đăng nhập</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Mật khẩu</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit" id="login-submit">Đăng nhập</button>
                  </form>
                  <p class="hint">Dành cho kiểm tra, thanh tra, lãnh đạo và cán bộ các đơn vị. Dùng tài khoản của hệ thống
                  (như trong Camunda Tasklist).</p>
                </main>
                </body>
                </html>
                """.formatted(message, token == null ? "_csrf" : HtmlUtils.htmlEscape(token.getParameterName()),
                token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
    }
}
