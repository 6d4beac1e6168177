package io.weir.examples.sessions;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.windows.TimeWindow;

import java.util.HashSet;
import java.util.Set;

/** Summarises a session window from all its clicks. */
final class SummarizeSession extends ProcessWindowFunction<Click, Session, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String user, Context context, Iterable<Click> clicks, Collector<Session> out) {
        int count = 0;
        Set<String> pages = new HashSet<>();
        for (Click c : clicks) {
            count++;
            pages.add(c.page());
        }
        out.collect(new Session(user, context.window().getStart(), context.window().getEnd(), count, pages.size()));
    }
}
