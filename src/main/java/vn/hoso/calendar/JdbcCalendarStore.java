package vn.hoso.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcCalendarStore implements CalendarStore {

    private final JdbcClient jdbc;

    JdbcCalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Both tables from one snapshot of the database, so a reload never sees half of an operator's change. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Rows load() {
        var years = jdbc.sql("select year, provisional, source from calendar_year order by year")
                .query((rs, i) -> new CalendarYear(rs.getInt("year"), rs.getBoolean("provisional"),
                        rs.getString("source")))
                .list();
        var days = jdbc.sql("select day, kind, name, provisional from calendar_exception order by day")
                .query((rs, i) -> new CalendarDay(rs.getDate("day").toLocalDate(),
                        CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getBoolean("provisional")))
                .list();
        return new Rows(years, days);
    }
}
