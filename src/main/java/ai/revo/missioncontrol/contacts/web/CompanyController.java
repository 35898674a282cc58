package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Companies")
class CompanyController {

    private final CompanyDirectory companies;

    CompanyController(CompanyDirectory companies) {
        this.companies = companies;
    }

    record CompanyInput(
            String domain,
            String name,
            String industry,
            String size,
            Integer employees,
            String city,
            String country,
            String timezone,
            String website) {}

    @GetMapping("/api/v1/companies")
    @Operation(summary = "Company data of the workspace, by email domain (what enrichment looks leads up in)")
    PageResult<CompanyView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return companies.list(user.tenantId(), new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/companies")
    @Operation(
            summary = "Create or replace the company of a domain {domain, name, industry, size, employees, city, "
                    + "country, timezone, website}")
    CompanyView save(CurrentUser user, @RequestBody CompanyInput in) {
        return companies.save(
                user.tenantId(),
                new CompanyView(
                        null,
                        in.domain(),
                        in.name(),
                        in.industry(),
                        in.size(),
                        in.employees(),
                        in.city(),
                        in.country(),
                        in.timezone(),
                        in.website(),
                        null));
    }
}
