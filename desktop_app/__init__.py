"""建议提案办理助手: handling deputies' proposals and members' motions (the one importable package)."""

APP_NAME = "建议提案办理助手"
