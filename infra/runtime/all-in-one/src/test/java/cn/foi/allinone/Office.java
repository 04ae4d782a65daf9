package cn.foi.allinone;

import cn.foi.testsupport.FoiApi;
import java.time.LocalDate;
import java.util.Map;

/**
 * The office the list, 工作台 and reminder tests set up: a district (某区人民政府) with two streets under it, a clerk of
 * each street and the district's supervisor, each a fresh agency code so that tests sharing a system do not see each
 * other's requests.
 */
record Office(String district, String street, String sibling, FoiApi clerk, String clerkName, FoiApi supervisor,
              String supervisorName, FoiApi siblingClerk) {

    static Office of(AllInOne system) {
        FoiApi admin = system.admin();
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        String sibling = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府")).expect(201);
        admin.post("/api/agencies", Map.of("code", street, "name", "甲街道办事处", "parentCode", district)).expect(201);
        admin.post("/api/agencies", Map.of("code", sibling, "name", "乙街道办事处", "parentCode", district)).expect(201);
        String supervisorName = "sup-" + district.toLowerCase();
        admin.post("/api/users", Map.of("username", supervisorName, "password", "super-pass-1", "role", "SUPERVISOR",
                "agencyCode", district)).expect(201);
        return new Office(district, street, sibling, system.clerkOf(street), "clerk-" + street.toLowerCase(),
                system.anonymous().as(supervisorName, "super-pass-1"), supervisorName, system.clerkOf(sibling));
    }

    /** A request of the first street, registered by its clerk (a natural person's, by the network); returns its id. */
    String register(String caseNo, String applicant, String description, LocalDate receivedOn) {
        return register(clerk, street, caseNo, applicant, description, receivedOn);
    }

    /** A request of the second street, registered by its clerk; returns its id. */
    String registerInSibling(String caseNo, String applicant, String description, LocalDate receivedOn) {
        return register(siblingClerk, sibling, caseNo, applicant, description, receivedOn);
    }

    private static String register(FoiApi clerk, String agency, String caseNo, String applicant, String description,
                                   LocalDate receivedOn) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", applicant, "idType", "居民身份证",
                                "idNumber", "11010519900307123X", "contact", "13912345678"),
                        "channel", "网络", "receivedOn", receivedOn.toString(), "description", description))
                .expect(201).json().get("id").asText();
    }
}
