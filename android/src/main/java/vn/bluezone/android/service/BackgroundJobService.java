package vn.bluezone.android.service;

import android.app.job.JobParameters;
import android.app.job.JobService;

import vn.bluezone.android.AppActions;
import vn.bluezone.android.Bluezone;

/** Runs the jobs of {@link Jobs} on the worker thread; a failed network job is rescheduled by the system. */
public final class BackgroundJobService extends JobService {
    @Override
    public boolean onStartJob(JobParameters params) {
        Bluezone bz = Bluezone.of(this);
        AppActions actions = new AppActions(bz);
        bz.background(() -> {
            switch (params.getJobId()) {
                case Jobs.EXPOSURE_CHECK -> actions.checkExposures();
                case Jobs.PURGE -> actions.purge();
                case Jobs.HEARTBEAT -> actions.heartbeat();
                default -> {
                }
            }
            return null;
        }, (r, failure) -> jobFinished(params, failure != null));
        return true;
    }

    @Override
    public boolean onStopJob(JobParameters params) {
        return true;
    }
}
