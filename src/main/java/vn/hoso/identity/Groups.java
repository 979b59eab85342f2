package vn.hoso.identity;

/** Names of the Camunda groups the product relies on. */
public final class Groups {

    /** Camunda's administrator group; never left empty (the admin web app's setup endpoint is also blocked). */
    public static final String ADMINS = "camunda-admin";
    public static final String AUDITORS = "auditors";

    private Groups() {
    }

    /** Officers of a unit: receive and process its cases. */
    public static String officers(String unitCode) {
        return "officers." + unitCode;
    }

    /** Leaders of a unit: approve and sign. */
    public static String leaders(String unitCode) {
        return "leaders." + unitCode;
    }

    /** The unit code of an officers./leaders. group, or null for any other group. */
    public static String unitOf(String groupId) {
        if (groupId.startsWith("officers.")) {
            return groupId.substring("officers.".length());
        }
        if (groupId.startsWith("leaders.")) {
            return groupId.substring("leaders.".length());
        }
        return null;
    }
}
