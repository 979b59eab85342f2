package vn.hoso.workspace.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The counter's page: a static single page ({@code static/tiep-nhan/}) that talks to {@link CounterController}. */
@Controller
class CounterPage {

    @GetMapping("/tiep-nhan")
    String root() {
        return "redirect:/tiep-nhan/";
    }

    @GetMapping("/tiep-nhan/")
    String index() {
        return "forward:/tiep-nhan/index.html";
    }
}
