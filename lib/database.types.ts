export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "14.1"
  }
  public: {
    Tables: {
      approval_requests: {
        Row: {
          id: string
          family_id: string
          child_id: string
          kind: Database["public"]["Enums"]["approval_kind"]
          minutes: number | null
          for_date: string
          message: string | null
          status: Database["public"]["Enums"]["approval_status"]
          decided_by: string | null
          decided_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          kind: Database["public"]["Enums"]["approval_kind"]
          minutes?: number | null
          for_date: string
          message?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          decided_by?: string | null
          decided_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          kind?: Database["public"]["Enums"]["approval_kind"]
          minutes?: number | null
          for_date?: string
          message?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          decided_by?: string | null
          decided_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "approval_requests_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_requests_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      families: {
        Row: {
          id: string
          name: string
          time_zone: string
          code: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          name: string
          time_zone?: string
          code?: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          name?: string
          time_zone?: string
          code?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      family_invites: {
        Row: {
          id: string
          family_id: string
          code: string
          created_by: string | null
          expires_at: string
          accepted_by: string | null
          accepted_at: string | null
          created_at: string
        }
        Insert: {
          id?: string
          family_id: string
          code: string
          created_by?: string | null
          expires_at?: string
          accepted_by?: string | null
          accepted_at?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          code?: string
          created_by?: string | null
          expires_at?: string
          accepted_by?: string | null
          accepted_at?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "family_invites_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
      family_members: {
        Row: {
          id: string
          family_id: string
          user_id: string
          role: Database["public"]["Enums"]["family_role"]
          created_at: string
        }
        Insert: {
          id?: string
          family_id: string
          user_id: string
          role: Database["public"]["Enums"]["family_role"]
          created_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          user_id?: string
          role?: Database["public"]["Enums"]["family_role"]
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "family_members_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
      parental_consents: {
        Row: {
          id: string
          family_id: string
          child_id: string
          parent_id: string | null
          method: Database["public"]["Enums"]["consent_method"]
          statement: string
          consented_at: string
          revoked_at: string | null
          revoked_by: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          parent_id?: string | null
          method: Database["public"]["Enums"]["consent_method"]
          statement: string
          consented_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          parent_id?: string | null
          method?: Database["public"]["Enums"]["consent_method"]
          statement?: string
          consented_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "parental_consents_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "parental_consents_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      parental_controls: {
        Row: {
          child_id: string
          family_id: string
          age_band: Database["public"]["Enums"]["age_band"]
          daily_minutes: number
          bedtime_start: string | null
          bedtime_end: string | null
          reading_allowed: boolean
          creating_allowed: boolean
          live_sessions_allowed: boolean
          chat_level: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance: number
          approval_above_allowance: boolean
          paused: boolean
          updated_by: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          child_id: string
          family_id: string
          age_band: Database["public"]["Enums"]["age_band"]
          daily_minutes?: number
          bedtime_start?: string | null
          bedtime_end?: string | null
          reading_allowed?: boolean
          creating_allowed?: boolean
          live_sessions_allowed?: boolean
          chat_level?: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance?: number
          approval_above_allowance?: boolean
          paused?: boolean
          updated_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          child_id?: string
          family_id?: string
          age_band?: Database["public"]["Enums"]["age_band"]
          daily_minutes?: number
          bedtime_start?: string | null
          bedtime_end?: string | null
          reading_allowed?: boolean
          creating_allowed?: boolean
          live_sessions_allowed?: boolean
          chat_level?: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance?: number
          approval_above_allowance?: boolean
          paused?: boolean
          updated_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "parental_controls_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "parental_controls_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      profiles: {
        Row: {
          id: string
          display_name: string
          avatar_url: string | null
          birth_year: number | null
          preferences: Json
          created_at: string
          updated_at: string
          deleted_at: string | null
        }
        Insert: {
          id: string
          display_name: string
          avatar_url?: string | null
          birth_year?: number | null
          preferences?: Json
          created_at?: string
          updated_at?: string
          deleted_at?: string | null
        }
        Update: {
          id?: string
          display_name?: string
          avatar_url?: string | null
          birth_year?: number | null
          preferences?: Json
          created_at?: string
          updated_at?: string
          deleted_at?: string | null
        }
        Relationships: []
      }
      reading_time_entries: {
        Row: {
          id: string
          family_id: string
          child_id: string
          local_date: string
          updated_at: string
          seconds: number
          created_at: string
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          local_date: string
          updated_at?: string
          seconds?: number
          created_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          local_date?: string
          updated_at?: string
          seconds?: number
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "reading_time_entries_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reading_time_entries_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_parent_invite: {
        Args: {
          p_code: string
        }
        Returns: string
      }
      add_child: {
        Args: {
          p_child_id: string
          p_display_name: string
          p_birth_year: number
          p_pin: string
          p_avatar_url?: string
          p_age_band?: Database["public"]["Enums"]["age_band"]
        }
        Returns: string
      }
      create_parent_invite: {
        Args: never
        Returns: {
            code: string
            expires_at: string
          }[]
      }
      decide_approval_request: {
        Args: {
          p_request_id: string
          p_approve: boolean
        }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      get_children_overview: {
        Args: never
        Returns: {
            child_id: string
            display_name: string
            avatar_url: string
            birth_year: number
            age_band: Database["public"]["Enums"]["age_band"]
            minutes_used: number
            minutes_allowed: number
            in_bedtime: boolean
            paused: boolean
            consented: boolean
            locked_until: string
            pending_requests: number
            seconds_used: number
            seconds_allowed: number
          }[]
      }
      get_family_audit_log: {
        Args: {
          p_limit?: number
        }
        Returns: {
            id: number
            table_name: string
            operation: string
            actor_id: string
            old_row: Json
            new_row: Json
            created_at: string
          }[]
      }
      get_family_device: {
        Args: {
          p_token: string
        }
        Returns: {
            device_id: string
            device_name: string
            family_id: string
            family_name: string
          }[]
      }
      get_family_device_children: {
        Args: {
          p_token: string
        }
        Returns: {
            child_id: string
            display_name: string
            avatar_url: string
          }[]
      }
      get_my_reading_day: {
        Args: never
        Returns: {
            local_date: string
            minutes_used: number
            minutes_allowed: number
            minutes_left: number
            in_bedtime: boolean
            bedtime_end: string
            paused: boolean
            reading_allowed: boolean
            seconds_used: number
            seconds_allowed: number
            seconds_left: number
            seconds_to_change: number
          }[]
      }
      give_parental_consent: {
        Args: {
          p_child_id: string
          p_method: Database["public"]["Enums"]["consent_method"]
          p_statement: string
        }
        Returns: string
      }
      has_parent_pin: {
        Args: never
        Returns: boolean
      }
      list_family_devices: {
        Args: never
        Returns: {
            id: string
            name: string
            created_by_name: string
            created_at: string
            last_seen_at: string
            revoked_at: string
          }[]
      }
      reading_heartbeat: {
        Args: {
          p_stop?: boolean
        }
        Returns: {
            status: string
            reason: string
            seconds_used: number
            seconds_allowed: number
            seconds_left: number
            seconds_to_stop: number
          }[]
      }
      register_family_device: {
        Args: {
          p_name: string
        }
        Returns: {
            device_id: string
            token: string
          }[]
      }
      request_more_time: {
        Args: {
          p_minutes?: number
          p_message?: string
        }
        Returns: string
      }
      revoke_family_device: {
        Args: {
          p_device_id: string
        }
        Returns: undefined
      }
      revoke_parental_consent: {
        Args: {
          p_child_id: string
        }
        Returns: undefined
      }
      set_child_pin: {
        Args: {
          p_child_id: string
          p_pin: string
        }
        Returns: undefined
      }
      set_parent_pin: {
        Args: {
          p_pin: string
        }
        Returns: undefined
      }
      verify_child_pin: {
        Args: {
          p_family_code: string
          p_child_name: string
          p_pin: string
          p_client?: string
        }
        Returns: {
            status: string
            child_id: string
            locked_until: string
            attempts_left: number
          }[]
      }
      verify_device_child_pin: {
        Args: {
          p_token: string
          p_child_id: string
          p_pin: string
        }
        Returns: {
            status: string
            child_id: string
            locked_until: string
            attempts_left: number
          }[]
      }
      verify_parent_pin: {
        Args: {
          p_pin: string
        }
        Returns: {
            status: string
            locked_until: string
            attempts_left: number
          }[]
      }
    }
    Enums: {
      age_band: "4-6" | "7-9" | "10-12"
      approval_kind: "more_time"
      approval_status: "pending" | "approved" | "denied"
      chat_level: "off" | "phrases" | "filtered" | "held_for_review"
      child_activity: "reading" | "creating" | "live_sessions"
      consent_method: "in_app_attestation" | "signed_form" | "card_verification" | "video_call"
      family_role: "parent" | "child"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      age_band: ["4-6", "7-9", "10-12"],
      approval_kind: ["more_time"],
      approval_status: ["pending", "approved", "denied"],
      chat_level: ["off", "phrases", "filtered", "held_for_review"],
      child_activity: ["reading", "creating", "live_sessions"],
      consent_method: ["in_app_attestation", "signed_form", "card_verification", "video_call"],
      family_role: ["parent", "child"],
    },
  },
} as const
