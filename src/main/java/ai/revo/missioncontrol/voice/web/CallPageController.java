package ai.revo.missioncontrol.voice.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.Sites;
import ai.revo.missioncontrol.voice.CallView;
import ai.revo.missioncontrol.voice.Calls;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Calls: the workspace's call log (caller, site, when, duration, summary) and one call with transcript and recording. */
@Controller
@RequestMapping("/calls")
class CallPageController {

    private final Calls calls;
    private final Sites sites;

    CallPageController(Calls calls, Sites sites) {
        this.calls = calls;
        this.sites = sites;
    }

    @Bean
    static NavigationItem callsNavigation() {
        return new NavigationItem(NavigationGroup.KNOWLEDGE, "Calls", "/calls", "phone", 111, null);
    }

    @GetMapping
    String page(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("calls", calls.list(user.tenantId(), null, null, new PageQuery(page, 50)));
        model.addAttribute("siteNames", siteNames(user));
        return "voice/calls";
    }

    @GetMapping("/{id}")
    String call(CurrentUser user, @PathVariable UUID id, Model model) {
        CallView call = calls.get(user.tenantId(), id);
        model.addAttribute("call", call);
        model.addAttribute("siteNames", siteNames(user));
        return "voice/call";
    }

    private Map<UUID, String> siteNames(CurrentUser user) {
        Map<UUID, String> names = new HashMap<>();
        for (SiteView site : sites.list(user.tenantId(), new PageQuery(1, 200)).data()) {
            names.put(site.id(), site.name());
        }
        return names;
    }
}
