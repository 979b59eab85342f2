/**
 * The civil servants' workspace around Camunda Tasklist: the reception counter ({@code /tiep-nhan/}, Tiếp nhận hồ
 * sơ), a page of our own that works in the officer's Tasklist session and receives case files through the same
 * intake as {@code POST /api/cases}. Tasklist's own Vietnamese locale, configuration and styles are static
 * resources under {@code META-INF/resources/webjars/camunda/app/}; docs/workspace.md describes both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace",
        allowedDependencies = {"platform", "identity", "units", "procedures", "cases", "documents", "citizens"})
package vn.hoso.workspace;
