package ai.revo.missioncontrol.demo;

import ai.revo.missioncontrol.campaigns.CampaignDraft;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.Criteria;
import ai.revo.missioncontrol.campaigns.Persona;
import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import ai.revo.missioncontrol.tasks.TaskView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On start-up, when the first admin's workspace has no campaign yet: two campaigns, thirty leads across statuses
 * and scores, drafts waiting for approval and tasks in every column. On by default only on the embedded database;
 * {@code MC_DEMO_DATA=false} turns it off, {@code MC_DEMO_DATA=true} turns it on for an external database.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoWorkspace implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final Actor DEMO = new Actor(Actor.Type.SYSTEM, null, "demo data");
    private static final String[][] PEOPLE = {
        {"Ava", "Martin", "Northwind Builders", "Owner"}, {"Liam", "Chen", "Harbor Roofing", "Operations"},
        {"Noah", "Singh", "Maple Homes", "Project manager"}, {"Emma", "Roy", "Cedar Renovations", "CEO"},
        {"Olivia", "Tremblay", "Bluewater Plumbing", "Owner"}, {"Lucas", "Nguyen", "Summit Electric", "Manager"},
        {"Mia", "Gagnon", "Lakeside Dental", "Office manager"}, {"Ethan", "Wong", "Pine Street Cafe", "Owner"},
        {"Sofia", "Patel", "Granite Fitness", "Director"}, {"Leo", "Lavoie", "Oakridge Realty", "Broker"},
        {"Chloe", "Kim", "Riverbend Clinic", "Administrator"}, {"Jack", "Bouchard", "Metro Movers", "Dispatcher"},
        {"Zoe", "Ali", "Sunrise Bakery", "Owner"}, {"Owen", "Fortin", "Ironclad Security", "Founder"},
        {"Lily", "Smith", "Brightpath Tutoring", "Director"}
    };
    private static final LeadStatus[] STATUSES = {
        LeadStatus.NEW,
        LeadStatus.NEW,
        LeadStatus.ENRICHED,
        LeadStatus.ENRICHED,
        LeadStatus.DRAFTED,
        LeadStatus.CONTACTED,
        LeadStatus.REPLIED,
        LeadStatus.INTERESTED,
        LeadStatus.BOOKED,
        LeadStatus.WON,
        LeadStatus.LOST,
        LeadStatus.SNOOZED,
        LeadStatus.NEW,
        LeadStatus.ENRICHED,
        LeadStatus.DND
    };
    private static final Map<LeadStatus, List<LeadStatus>> PATH = Map.of(
            LeadStatus.ENRICHED,
            List.of(LeadStatus.ENRICHED),
            LeadStatus.DRAFTED,
            List.of(LeadStatus.DRAFTED),
            LeadStatus.CONTACTED,
            List.of(LeadStatus.DRAFTED, LeadStatus.APPROVED, LeadStatus.CONTACTED),
            LeadStatus.REPLIED,
            List.of(LeadStatus.DRAFTED, LeadStatus.APPROVED, LeadStatus.CONTACTED, LeadStatus.REPLIED),
            LeadStatus.INTERESTED,
            List.of(
                    LeadStatus.DRAFTED,
                    LeadStatus.APPROVED,
                    LeadStatus.CONTACTED,
                    LeadStatus.REPLIED,
                    LeadStatus.INTERESTED),
            LeadStatus.BOOKED,
            List.of(
                    LeadStatus.DRAFTED,
                    LeadStatus.APPROVED,
                    LeadStatus.CONTACTED,
                    LeadStatus.REPLIED,
                    LeadStatus.BOOKED),
            LeadStatus.WON,
            List.of(
                    LeadStatus.DRAFTED,
                    LeadStatus.APPROVED,
                    LeadStatus.CONTACTED,
                    LeadStatus.REPLIED,
                    LeadStatus.BOOKED,
                    LeadStatus.WON),
            LeadStatus.LOST,
            List.of(LeadStatus.LOST),
            LeadStatus.SNOOZED,
            List.of(LeadStatus.SNOOZED),
            LeadStatus.DND,
            List.of(LeadStatus.DND));

    private final AuthManagement auth;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final DraftManagement drafts;
    private final TaskManagement tasks;
    private final ContactManagement contacts;
    private final CompanyDirectory companies;
    private final Environment environment;
    private final String adminEmail;

    DemoWorkspace(
            AuthManagement auth,
            CampaignManagement campaigns,
            LeadManagement leads,
            DraftManagement drafts,
            TaskManagement tasks,
            ContactManagement contacts,
            CompanyDirectory companies,
            Environment environment,
            @Value("${mc.security.bootstrap-admin.email:admin@localhost}") String adminEmail) {
        this.auth = auth;
        this.campaigns = campaigns;
        this.leads = leads;
        this.drafts = drafts;
        this.tasks = tasks;
        this.contacts = contacts;
        this.companies = companies;
        this.environment = environment;
        this.adminEmail = adminEmail;
    }

    @Override
    public void run(ApplicationArguments args) {
        String setting = environment.getProperty("mc.demo-data", "");
        boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        if ("false".equalsIgnoreCase(setting) || (!embedded && !"true".equalsIgnoreCase(setting))) {
            return;
        }
        Optional<TenantId> workspace = auth.workspaceOfLogin(adminEmail);
        if (workspace.isEmpty()
                || campaigns
                                .list(
                                        workspace.get(),
                                        null,
                                        new PageQuery(1, 1),
                                        SortOrder.of(null, null, CampaignManagement.SORTABLE, "createdAt", false))
                                .pagination()
                                .total()
                        > 0) {
            return;
        }
        try {
            load(workspace.get());
            log.info("Loaded the demo workspace (turn it off with MC_DEMO_DATA=false)");
        } catch (RuntimeException e) {
            log.warn("Could not load the demo workspace: {}", e.getMessage());
        }
    }

    private void load(TenantId t) {
        UUID spring = campaign(
                t,
                "Spring renovations",
                "Book on-site estimates with homeowners' contractors",
                new Persona("Maya", 40, 60, 10, 40, null, null, null),
                Set.of(Channel.EMAIL, Channel.SMS, Channel.LINKEDIN));
        UUID clinics = campaign(
                t,
                "Clinic front desks",
                "Demo the booking assistant to clinic managers",
                new Persona("Sam", 20, 30, 0, 60, null, null, null),
                Set.of(Channel.EMAIL));
        campaigns.moveTo(t, spring, CampaignStatus.ACTIVE, DEMO);
        Score[] scores = {Score.A, Score.B, Score.C};
        for (int i = 0; i < 30; i++) {
            String[] p = PEOPLE[i % PEOPLE.length];
            UUID campaign = i < 18 ? spring : clinics;
            String email = (p[0] + "." + p[1] + (i >= PEOPLE.length ? "2" : "")).toLowerCase() + "@example.com";
            LeadView lead = leads.enrol(
                    t,
                    campaign,
                    null,
                    new ContactDetails(
                            p[0], p[1], email, null, p[2], p[3], "Toronto", "CA", null, "demo", List.of("demo"), null),
                    new LeadChange(
                            null,
                            scores[i % 3],
                            "Demo score",
                            BigDecimal.valueOf(2000 + 750L * (i % 9)),
                            "CAD",
                            null,
                            null,
                            null),
                    DEMO);
            for (LeadStatus s : PATH.getOrDefault(STATUSES[i % STATUSES.length], List.of())) {
                leads.advance(t, lead.id(), s, DEMO);
            }
            if (i < 3) {
                var draft = drafts.write(
                        t,
                        campaign,
                        null,
                        Channel.EMAIL,
                        new DraftContent(
                                "A quick idea for " + p[2],
                                "Hi " + p[0] + ",\n\nWe help teams like " + p[2]
                                        + " book more estimates without more phone calls.\nWould a 15-minute call next week work?\n\nMaya",
                                null),
                        i == 0 ? Priority.HIGH : Priority.NORMAL,
                        Map.of("tone", "ok", "facts", "ok"),
                        new BigDecimal("0.8" + i),
                        DEMO);
                drafts.submit(t, draft.id(), null, DEMO);
            }
        }
        researchMaterial(t, spring);
        String[][] board = {
            {"Import the trade-show contacts", "BACKLOG"},
            {"Write the clinic follow-up", "BACKLOG"},
            {"Enrich the spring leads", "DOING"},
            {"Review the first drafts", "NEEDS_APPROVAL"},
            {"Launch the spring campaign", "DONE"}
        };
        for (String[] b : board) {
            TaskView task = tasks.create(
                    t,
                    new TaskManagement.TaskFields(
                            b[0], null, "NORMAL", null, List.of("demo"), null, null, null, spring),
                    BoardColumn.BACKLOG,
                    DEMO);
            if (!b[1].equals("BACKLOG")) {
                tasks.move(t, task.id(), BoardColumn.valueOf(b[1]), null, DEMO, true);
            }
        }
    }

    /**
     * What the five daily jobs work on in a fresh demo: company data for the prospects' domains, contacts who fit the
     * spring campaign but are not enrolled yet (research finds them), and new leads not yet enriched (scoring does).
     */
    private void researchMaterial(TenantId t, UUID spring) {
        String[][] firms = {
            {"northwind-builders.test", "Northwind Builders", "Construction", "11-50", "35"},
            {"harbor-roofing.test", "Harbor Roofing", "Construction", "51-200", "80"},
            {"maple-homes.test", "Maple Homes", "Construction", "11-50", "22"},
            {"lakeside-dental.test", "Lakeside Dental", "Healthcare", "11-50", "18"},
            {"pine-street-cafe.test", "Pine Street Cafe", "Food and drink", "1-10", "9"}
        };
        for (String[] f : firms) {
            companies.save(
                    t,
                    new CompanyView(
                            null,
                            f[0],
                            f[1],
                            f[2],
                            f[3],
                            Integer.valueOf(f[4]),
                            "Toronto",
                            "Canada",
                            "America/Toronto",
                            "https://" + f[0],
                            null));
        }
        String[][] prospects = {
            {"Grace", "Li", "northwind-builders.test", "Owner"},
            {"Owen", "Patel", "harbor-roofing.test", "Operations director"},
            {"Chloe", "Dubois", "maple-homes.test", "Owner"},
            {"Jack", "Moreau", "maple-homes.test", "Estimator"},
            {"Zoe", "Campbell", "lakeside-dental.test", "Office manager"},
            {"Leo", "Fraser", "pine-street-cafe.test", "Barista"}
        };
        for (String[] p : prospects) {
            contacts.upsert(
                    t,
                    new ContactDetails(
                            p[0],
                            p[1],
                            (p[0] + "." + p[1]).toLowerCase() + "@" + p[2],
                            null,
                            null,
                            p[3],
                            null,
                            null,
                            null,
                            "demo",
                            List.of("demo", "trade-show"),
                            null),
                    DEMO);
        }
        String[][] fresh = {
            {"Isla", "Kerr", "northwind-builders.test", "Operations manager"},
            {"Finn", "Murray", "harbor-roofing.test", "Owner"}
        };
        for (String[] p : fresh) {
            leads.enrol(
                    t,
                    spring,
                    null,
                    new ContactDetails(
                            p[0],
                            p[1],
                            (p[0] + "." + p[1]).toLowerCase() + "@" + p[2],
                            null,
                            null,
                            p[3],
                            null,
                            null,
                            null,
                            "demo",
                            List.of("demo"),
                            null),
                    null,
                    DEMO);
        }
    }

    private UUID campaign(TenantId t, String name, String objective, Persona persona, Set<Channel> channels) {
        return campaigns
                .create(
                        t,
                        new CampaignDraft(
                                Optional.of(name),
                                Optional.empty(),
                                Optional.of(objective),
                                Optional.of(channels),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new Criteria(
                                        List.of(new Criteria.Weighted("Construction", 80)),
                                        List.of(
                                                new Criteria.Weighted("11-50", 40),
                                                new Criteria.Weighted("51-200", 30)),
                                        List.of(
                                                new Criteria.Weighted("Owner", 60),
                                                new Criteria.Weighted("Operations", 40)),
                                        List.of(
                                                new Criteria.Weighted("Toronto", 60),
                                                new Criteria.Weighted("Ontario", 60)))),
                                Optional.of(persona)),
                        DEMO)
                .id();
    }
}
