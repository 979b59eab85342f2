package vn.hoso.simulator;

import java.time.ZoneId;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.cases.CaseFiles;
import vn.hoso.cases.CaseIntake;
import vn.hoso.events.CaseEventLog;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Maintenance;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.rollup.RollupQueries;
import vn.hoso.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The simulator is wired only where {@code hoso.simulator.enabled=true} (the dev profile), never in production. */
class SimulatorWiringTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = SimulatorRunner.class)
    @ConfigurationPropertiesScan(basePackageClasses = SimulatorRunner.class)
    static class SimulatorPackage {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(SimulatorPackage.class)
            .withBean(CaseIntake.class, () -> mock(CaseIntake.class))
            .withBean(CaseFiles.class, () -> mock(CaseFiles.class))
            .withBean(CaseEventLog.class, () -> mock(CaseEventLog.class))
            .withBean(TaskService.class, () -> mock(TaskService.class))
            .withBean(RuntimeService.class, () -> mock(RuntimeService.class))
            .withBean(ManagementService.class, () -> mock(ManagementService.class))
            .withBean(IdentityService.class, () -> mock(IdentityService.class))
            .withBean(ProcedureCatalogue.class, () -> mock(ProcedureCatalogue.class))
            .withBean(UnitRegistry.class, () -> mock(UnitRegistry.class))
            .withBean(WorkingCalendar.class, () -> mock(WorkingCalendar.class))
            .withBean(RollupQueries.class, () -> mock(RollupQueries.class))
            .withBean(vn.hoso.documents.CaseDocuments.class, () -> mock(vn.hoso.documents.CaseDocuments.class))
            .withBean(vn.hoso.procedures.ProcedureComponents.class,
                    () -> mock(vn.hoso.procedures.ProcedureComponents.class))
            .withBean(Maintenance.class, () -> mock(Maintenance.class))
            .withBean(BusinessClock.class, () -> new BusinessClock(ZoneId.of("Asia/Ho_Chi_Minh")));

    @Test
    void withoutTheSwitchThereIsNoSimulatorNorItsSettings() {
        app.withPropertyValues("hoso.simulator.run=true", "hoso.simulator.startup-history=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SimulatorRunner.class).doesNotHaveBean(Simulations.class)
                    .doesNotHaveBean(Simulator.class).doesNotHaveBean(SimulationPlanner.class)
                    .doesNotHaveBean(SimulatorProperties.class);
        });
    }

    @Test
    void theDevProfilesSwitchWiresIt() {
        app.withPropertyValues("hoso.simulator.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SimulatorRunner.class).hasSingleBean(Simulations.class)
                    .hasSingleBean(Simulator.class).hasSingleBean(SimulationPlanner.class)
                    .hasSingleBean(SimulatorProperties.class);
            assertThat(context.getBean(SimulatorProperties.class).startupHistory()).isFalse();
        });
    }

    @Test
    void onlyTheDevProfileSetsTheSwitch() throws Exception {
        var yaml = new YamlPropertySourceLoader();
        var production = yaml.load("application", new ClassPathResource("application.yml"));
        var dev = yaml.load("dev", new ClassPathResource("application-dev.yml"));
        assertThat(production).noneMatch(source -> source.containsProperty("hoso.simulator.enabled"));
        assertThat(dev).anyMatch(source -> "true".equals(String.valueOf(source.getProperty("hoso.simulator.enabled"))));
    }
}
