package vn.bluezone.android.ui;

import android.os.Bundle;

import vn.bluezone.android.R;

/** A page of text from the resources: the privacy notice, the licences. */
public final class TextPageActivity extends BaseActivity {
    static final String TITLE = "title";
    static final String BODY = "body";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_text_page);
        setTitle(getIntent().getIntExtra(TITLE, R.string.app_name));
        text(R.id.text_page_body).setText(getIntent().getIntExtra(BODY, R.string.privacy_text));
    }
}
