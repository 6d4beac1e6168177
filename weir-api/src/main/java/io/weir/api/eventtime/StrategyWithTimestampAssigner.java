package io.weir.api.eventtime;

/** A strategy whose generators are another's, with its own timestamp assigner. */
final class StrategyWithTimestampAssigner<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final TimestampAssignerSupplier<T> assigner;

    StrategyWithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigner) {
        this.base = base;
        this.assigner = assigner;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(GeneratorContext context) {
        return base.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner() {
        TimestampAssigner<T> created = assigner.createTimestampAssigner();
        if (created == null) {
            throw new IllegalStateException("The timestamp assigner supplier returned null");
        }
        return created;
    }
}
