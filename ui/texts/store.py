"""The run store's notices (playground.runstore.StoreNotice codes), in both languages."""

TEXTS = {
    "store.store_damaged": {
        "en": "The saved-runs database was damaged. It was set aside as {path} (nothing deleted); new runs are saved again.",
        "ko": "저장된 실행 기록 데이터베이스가 손상되어 {path}(으)로 옮겨 두었습니다(삭제하지 않음). 새 실행은 다시 저장됩니다.",
    },
    "store.store_locked": {
        "en": "The saved-runs database is busy (locked for more than {seconds:g} s). Runs of this session stay "
        "available here; try again in a moment to save them.",
        "ko": "저장된 실행 기록 데이터베이스가 사용 중입니다({seconds:g}초 넘게 잠김). 이 세션의 실행은 여기에서 계속 "
        "쓸 수 있습니다. 잠시 후 다시 저장해 보세요.",
    },
    "store.store_unreadable": {
        "en": "Saved runs are off: the data folder cannot be used ({reason}). Runs of this session still work.",
        "ko": "저장된 실행 기록을 쓸 수 없습니다: 데이터 폴더를 사용할 수 없습니다({reason}). 이 세션의 실행은 그대로 "
        "쓸 수 있습니다.",
    },
    "store.model_not_saved": {
        "en": "Run {run_id}: its curves and settings were saved, its model was not ({reason}).",
        "ko": "실행 {run_id}: 곡선과 설정은 저장했지만 모델은 저장하지 못했습니다({reason}).",
    },
    "store.model_missing": {
        "en": "Run {run_id}: its model file is gone; its curves and settings are still here.",
        "ko": "실행 {run_id}: 모델 파일이 없어졌습니다. 곡선과 설정은 남아 있습니다.",
    },
    "store.frames_not_saved": {
        "en": "Run {run_id}: saved, but not its feature-map replay ({reason}).",
        "ko": "실행 {run_id}: 저장했지만 특성 맵 다시보기는 저장하지 못했습니다({reason}).",
    },
    "store.expired": {
        "en": "{count} saved run(s) older than the time limit were removed.",
        "ko": "보관 기간이 지난 저장된 실행 {count}개를 지웠습니다.",
    },
    "store.over_owner_budget": {
        "en": "Your saved runs passed the {budget_mb} MB limit: the oldest ({run_ids}) were removed.",
        "ko": "저장된 실행이 {budget_mb} MB 한도를 넘어 가장 오래된 실행({run_ids})을 지웠습니다.",
    },
    "store.over_total_budget": {
        "en": "The server's saved runs passed the {budget_mb} MB limit: the {count} oldest were removed.",
        "ko": "서버의 저장된 실행이 {budget_mb} MB 한도를 넘어 가장 오래된 {count}개를 지웠습니다.",
    },
    "runs.loading_model": {
        "en": "Loading the model of {run} from disk…",
        "ko": "{run}의 모델을 디스크에서 불러오는 중…",
    },
    "store.kept_here": {
        "en": "Your runs are kept on this server for this browser only (a shared link never carries them), "
        "for {days:g} days after their last change.",
        "ko": "실행 기록은 이 브라우저에 대해서만 이 서버에 보관됩니다(공유 링크에는 담기지 않습니다). 마지막 변경 후 "
        "{days:g}일 동안 보관합니다.",
    },
    "store.title": {"en": "Your saved runs", "ko": "저장된 내 실행 기록"},
    "store.forget": {"en": "Forget my runs", "ko": "내 실행 기록 지우기"},
    "store.forget_help": {
        "en": "Deletes every saved run and model of this browser from the server. Cannot be undone.",
        "ko": "이 브라우저의 저장된 실행과 모델을 서버에서 모두 지웁니다. 되돌릴 수 없습니다.",
    },
    "store.forgotten": {
        "en": "Forgot {count} saved run(s) of this browser.",
        "ko": "이 브라우저의 저장된 실행 {count}개를 지웠습니다.",
    },
}
