"""Texts of the Lessons page and of presenter mode."""

TEXTS = {
    "nav.lessons": {"en": "Lessons", "ko": "수업"},
    "lessons.title": {"en": "Lessons", "ko": "수업"},
    "lessons.blurb": {
        "en": "Step through a planned sequence of views with narration and questions; present it on a projector.",
        "ko": "설명과 질문이 붙은 화면들을 순서대로 넘겨 봅니다. 프로젝터용 발표자 모드도 있습니다.",
    },
    "lessons.intro": {
        "en": "A lesson is a sequence of **scenes**: each opens one page of the playground in exactly the settings "
        "it talks about, with a few sentences beside it. A question asks you to predict before you reveal the "
        "answer, which the app computes from the scene's settings. Lessons are plain files "
        "(`assets/lessons/<id>.toml`): an instructor writes one without code.",
        "ko": "수업은 **장면**들의 순서입니다. 각 장면은 설명하는 설정 그대로 놀이터의 페이지 하나를 열고, 옆에 짧은 설명을 "
        "붙입니다. 질문이 있으면 먼저 예측한 뒤 정답을 확인하세요. 정답은 앱이 장면의 설정으로 직접 계산합니다. "
        "수업은 일반 파일(`assets/lessons/<id>.toml`)이라서 강사가 코드 없이 만들 수 있습니다.",
    },
    "lessons.pick": {"en": "Lesson", "ko": "수업"},
    "lessons.scene": {"en": "Scene", "ko": "장면"},
    "lessons.previous": {"en": "Previous", "ko": "이전"},
    "lessons.next": {"en": "Next", "ko": "다음"},
    "lessons.scene_title": {"en": "{number} / {count} · {title}", "ko": "{number} / {count} · {title}"},
    "lessons.question": {"en": "Predict:", "ko": "예측해 보세요:"},
    "lessons.reveal": {"en": "Reveal answer", "ko": "정답 보기"},
    "lessons.answer": {"en": "Answer: **{value}**", "ko": "정답: **{value}**"},
    "lessons.open": {"en": "Open this view on its own page", "ko": "이 화면을 페이지로 열기"},
    "lessons.keys_help": {
        "en": "← / → (or a clicker's page keys): previous / next scene · Esc: leave presenter mode",
        "ko": "← / → (또는 프레젠터의 페이지 키): 이전 / 다음 장면 · Esc: 발표자 모드 끝내기",
    },
    "lessons.bad_file": {
        "en": "A lesson file could not be read and is left out: {message}",
        "ko": "수업 파일 하나를 읽을 수 없어 빠졌습니다: {message}",
    },
    "lessons.none": {
        "en": "No lessons yet: add a file to assets/lessons/.",
        "ko": "아직 수업이 없습니다. `assets/lessons/`에 파일을 추가하세요.",
    },
    "lessons.flagged_count": {
        "en": "This lesson has {count} problem(s); the scenes concerned are flagged, the others play",
        "ko": "이 수업에 문제가 {count}개 있습니다. 해당 장면은 표시만 하고, 나머지 장면은 그대로 재생합니다",
    },
    "lessons.flagged": {
        "en": "This scene cannot be played: {problems}",
        "ko": "이 장면은 재생할 수 없습니다: {problems}",
    },
    # ------------------------------------------------------------------------------------------ presenter mode
    "presenter.toggle": {"en": "Presenter mode", "ko": "발표자 모드"},
    "presenter.toggle_help": {
        "en": "Large type for a projector, no sidebar; ← / → step through the lesson's scenes. In a link: ?present=1",
        "ko": "프로젝터용 큰 글씨, 사이드바 숨김. ← / →로 수업의 장면을 넘깁니다. 링크에서는 `?present=1`",
    },
    "presenter.exit": {"en": "Exit presenter mode", "ko": "발표자 모드 끝내기"},
    "presenter.save": {"en": "Save this view as a scene", "ko": "이 화면을 장면으로 저장"},
    "presenter.save_help": {
        "en": "The lesson-file block that opens this page in its current settings",
        "ko": "이 페이지를 지금 설정 그대로 여는 수업 파일 블록",
    },
    "presenter.save_caption": {
        "en": "Paste it at the end of a lesson file in assets/lessons/, then write the title and narration "
        "in both languages.",
        "ko": "`assets/lessons/`의 수업 파일 끝에 붙여 넣고, 제목과 설명을 두 언어로 쓰세요.",
    },
}
