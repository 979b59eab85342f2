package vn.hoso.workspace.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The counter's page and the approvals page: static single pages ({@code static/tiep-nhan/},
 * {@code static/phe-duyet/}) that talk to {@link CounterController} and {@link ApprovalController}.
 */
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

    @GetMapping("/phe-duyet")
    String approvalsRoot() {
        return "redirect:/phe-duyet/";
    }

    @GetMapping("/phe-duyet/")
    String approvals() {
        return "forward:/phe-duyet/index.html";
    }
}
