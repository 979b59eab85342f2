package vn.hoso.cases;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the applicant's personal data ({@link TaskDisplay#PERSONAL}) out of Camunda's history tables: the engine's
 * history API answers by process definition or instance permissions (auditors hold them, and a history query can
 * even filter instances by a variable's value), while the product shows personal data only to the officers of the
 * units a case has visited. The runtime copy on an open task is readable only by those who may read the task.
 */
@Component
class PersonalDataOutOfHistory extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
    }

    static final class Filter implements HistoryEventHandler {

        private final HistoryEventHandler delegate;

        Filter(HistoryEventHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isPersonal(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(e -> !isPersonal(e)).toList());
        }

        private static boolean isPersonal(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable
                    && TaskDisplay.PERSONAL.contains(variable.getVariableName());
        }
    }
}
